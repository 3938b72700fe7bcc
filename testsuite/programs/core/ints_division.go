package main

import "fmt"

func show(a, b int) {
	fmt.Printf("%d / %d = %d, %d %% %d = %d\n", a, b, a/b, a, b, a%b)
}

func main() {
	show(7, 2)
	show(-7, 2)
	show(7, -2)
	show(-7, -2)
	show(0, 5)
	show(1000000007, 97)
	var a int32 = -17
	var b int32 = 5
	fmt.Println(a/b, a%b, -a/b, -a%b)
	var c uint8 = 200
	var d uint8 = 7
	fmt.Println(c/d, c%d)
	var e uint64 = 18446744073709551615
	fmt.Println(e/10, e%10, e/3)
	var f uint = 1 << 63
	fmt.Println(f/7, f%7)
	var g int64 = -9223372036854775807
	fmt.Println(g/1000, g%1000)
	x := 100
	x /= 7
	fmt.Println(x)
	x %= 4
	fmt.Println(x)
	for i := -5; i <= 5; i++ {
		fmt.Print(i/3, ",", i%3, " ")
	}
	fmt.Println()
	const big = 1 << 40
	fmt.Println(big/3, big%3, -big/7, -big%7)
}
