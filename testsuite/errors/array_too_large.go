package main

import "fmt"

func main() {
	var buf [4096]byte
	buf[0] = 'x'
	fmt.Println(len(buf), buf[0])
}
