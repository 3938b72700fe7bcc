package main

import "fmt"

func main() {
	s := "Hello, "
	t := "World"
	u := s + t + "!"
	fmt.Println(u, len(u))
	fmt.Println(u[0], u[7], u[len(u)-1])
	fmt.Println(u[0:5], u[7:], u[:5], u[:], u[3:3] == "")
	fmt.Println(len(u[2:9]), u[2:9])
	v := u
	v += "?"
	fmt.Println(u, v)
	var empty string
	fmt.Println(len(empty), empty == "", "["+empty+"]")
	r := ""
	for i := len(t) - 1; i >= 0; i-- {
		r += t[i : i+1]
	}
	fmt.Println(r)
	count := 0
	text := "the quick brown fox jumps over the lazy dog"
	for i := 0; i < len(text); i++ {
		if text[i] == " "[0] {
			count++
		}
	}
	fmt.Println("spaces:", count)
	words := []string{}
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == 32 {
			words = append(words, text[start:i])
			start = i + 1
		}
	}
	fmt.Println(len(words), words)
	longest := ""
	for _, w := range words {
		if len(w) > len(longest) {
			longest = w
		}
	}
	fmt.Println("longest:", longest)
	fmt.Println("abc" < "abd", "abc"+"def" == "abcdef")
	b := u[4]
	fmt.Printf("%d %v %T\n", b, b, b)
	sub := u[7:12]
	fmt.Println(sub, sub[1:3], sub[1:3][1:])
}
