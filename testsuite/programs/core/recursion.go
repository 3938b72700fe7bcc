package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func ack(m, n int) int {
	if m == 0 {
		return n + 1
	}
	if n == 0 {
		return ack(m-1, 1)
	}
	return ack(m-1, ack(m, n-1))
}

func hanoi(n int, from, to, via string, moves *int, log *[]string) {
	if n == 0 {
		return
	}
	hanoi(n-1, from, via, to, moves, log)
	*moves++
	if len(*log) < 7 {
		*log = append(*log, from+"->"+to)
	}
	hanoi(n-1, via, to, from, moves, log)
}

func pow(b, e int) int {
	if e == 0 {
		return 1
	}
	h := pow(b, e/2)
	if e%2 == 0 {
		return h * h
	}
	return h * h * b
}

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

func sumDigits(n int) int {
	if n < 10 {
		return n
	}
	return n%10 + sumDigits(n/10)
}

func perms(prefix string, rest string, out *[]string) {
	if len(rest) == 0 {
		*out = append(*out, prefix)
		return
	}
	for i := 0; i < len(rest); i++ {
		perms(prefix+rest[i:i+1], rest[:i]+rest[i+1:], out)
	}
}

func main() {
	for i := 0; i <= 25; i += 5 {
		fmt.Print(fib(i), " ")
	}
	fmt.Println()
	for m := 0; m <= 3; m++ {
		for n := 0; n <= 3; n++ {
			fmt.Print(ack(m, n), " ")
		}
		fmt.Println()
	}
	moves := 0
	var log []string
	hanoi(10, "A", "C", "B", &moves, &log)
	fmt.Println(moves, log)
	fmt.Println(pow(2, 10), pow(3, 13), pow(7, 0), pow(2, 64), pow(2, 63))
	fmt.Println(isEven(100), isOdd(77), isEven(7))
	fmt.Println(sumDigits(987654321))
	var ps []string
	perms("", "abcd", &ps)
	fmt.Println(len(ps), ps)
	fmt.Println(deep(100000))
}

func deep(n int) int {
	if n == 0 {
		return 0
	}
	return deep(n-1) + 1
}
