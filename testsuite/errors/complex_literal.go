package main

import "fmt"

func main() {
	fmt.Println(2.5i, 1.5)
}
