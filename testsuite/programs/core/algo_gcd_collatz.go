package main

import "fmt"

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func gcdRec(a, b uint64) uint64 {
	if b == 0 {
		return a
	}
	return gcdRec(b, a%b)
}

func lcm(a, b int) int { return a / gcd(a, b) * b }

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func main() {
	pairs := [][]int{{12, 18}, {17, 5}, {0, 9}, {1071, 462}, {1 << 40, 1 << 20 * 3}}
	for _, p := range pairs {
		fmt.Println(p[0], p[1], gcd(p[0], p[1]), lcm(max(p[0], 1), p[1]))
	}
	fmt.Println(gcdRec(18446744073709551615, 4294967295))
	l := 1
	for i := 1; i <= 20; i++ {
		l = lcm(l, i)
	}
	fmt.Println("lcm 1..20:", l)
	best, arg := 0, 0
	for i := 1; i < 30000; i++ {
		if s := collatz(i); s > best {
			best, arg = s, i
		}
	}
	fmt.Println("longest collatz under 30000:", arg, best)
	for i := 1; i <= 10; i++ {
		fmt.Print(collatz(i), " ")
	}
	fmt.Println()
	coprime := 0
	for a := 1; a <= 100; a++ {
		for b := 1; b <= 100; b++ {
			if gcd(a, b) == 1 {
				coprime++
			}
		}
	}
	fmt.Println("coprime pairs:", coprime)
}
