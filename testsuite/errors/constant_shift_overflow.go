package main

import "fmt"

func main() {
	const b = 1 << 512
	var c int64 = int64(1) << 200
	fmt.Println(b, c)
}
