package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0:
		return "even"
	default:
		return "odd"
	}
}

func day(d int) string {
	switch d {
	case 0, 6:
		return "weekend"
	case 1, 2, 3, 4, 5:
		return "weekday"
	}
	return "invalid"
}

var trace string

func val(s string, v int) int {
	trace += s
	return v
}

func main() {
	for _, n := range []int{-3, 0, 4, 7} {
		fmt.Print(classify(n), " ")
	}
	fmt.Println()
	for d := -1; d < 8; d++ {
		fmt.Print(day(d), " ")
	}
	fmt.Println()
	switch x := 5 * 3; x {
	case 10:
		fmt.Println("ten")
	case 15:
		fmt.Println("fifteen")
	default:
		fmt.Println("other")
	}
	switch x := 42; {
	case x > 40:
		fmt.Println("big", x)
	}
	switch {
	}
	switch s := "go"; s + "lang" {
	case "golang":
		fmt.Println("matched golang")
	}
	// case evaluation stops at the first match, left to right, top to bottom
	switch val("t", 3) {
	case val("a", 1), val("b", 2):
		fmt.Println("no")
	case val("c", 3), val("d", 4):
		fmt.Println("c matched")
	case val("e", 3):
		fmt.Println("no")
	}
	fmt.Println(trace)
	x := 0
	switch {
	case x == 0:
		x = 10
		if x > 5 {
			break
		}
		x = 20
	}
	fmt.Println(x)
	switch y := 3; y {
	default:
		fmt.Println("default first", y)
	case 1:
		fmt.Println("one")
	}
	var b uint8 = 200
	switch b {
	case 100:
		fmt.Println("100")
	case 200:
		fmt.Println("200")
	}
	str := "banana"
	switch str {
	case "apple":
		fmt.Println("apple")
	case "banana", "cherry":
		fmt.Println("banana or cherry")
	}
	switch true {
	case 1 > 2:
		fmt.Println("no")
	case 2 > 1:
		fmt.Println("switch true ok")
	}
	grade := func(score int) string {
		switch {
		case score >= 90:
			return "A"
		case score >= 80:
			return "B"
		case score >= 70:
			return "C"
		}
		return "F"
	}
	for _, s := range []int{95, 85, 75, 65, 90, 80} {
		fmt.Print(grade(s))
	}
	fmt.Println()
}
