package main

import "fmt"

func sign(n int) int {
	if n > 0 {
		return 1
	} else if n < 0 {
		return -1
	} else {
		return 0
	}
}

func parse(s string) (int, bool) {
	if len(s) == 0 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 48 || c > 57 {
			return 0, false
		}
		n = n*10 + int(c-48)
	}
	return n, true
}

func main() {
	for _, n := range []int{-5, 0, 9} {
		fmt.Print(sign(n), " ")
	}
	fmt.Println()
	for _, s := range []string{"123", "", "12a", "007", "99999"} {
		if n, ok := parse(s); ok {
			fmt.Println(s, "->", n)
		} else if len(s) == 0 {
			fmt.Println("empty")
		} else {
			fmt.Println(s, "invalid", n)
		}
	}
	x := 10
	if x := 5; x > 3 {
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
	if y := x * 2; y > 100 {
		fmt.Println("big")
	} else if z := y + 1; z > 20 {
		fmt.Println("z", z, y)
	} else {
		fmt.Println("small", y, z)
	}
	a, b := 3, 4
	if a > b {
		fmt.Println("a")
	} else {
		fmt.Println("b")
	}
	if a < b && b < 10 {
		fmt.Println("range ok")
	}
	if !(a == 3) {
		fmt.Println("no")
	} else if a == 3 {
		fmt.Println("yes")
	}
	fizz := ""
	for i := 1; i <= 15; i++ {
		if i%15 == 0 {
			fizz += "FizzBuzz "
		} else if i%3 == 0 {
			fizz += "Fizz "
		} else if i%5 == 0 {
			fizz += "Buzz "
		} else {
			fizz += fmt.Sprint(i) + " "
		}
	}
	fmt.Println(fizz)
}
