package main

import "fmt"

func helper() {
	fmt.Println("no main here")
}
