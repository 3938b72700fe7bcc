package main

import "fmt"

func get(s []string, i int) string { return s[i] }

func main() {
	names := []string{"a", "b"}
	fmt.Println(get(names, 1))
	fmt.Println(get(names, len(names)-3))
}
