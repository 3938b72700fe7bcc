package main

func main() {
	s := []int{1, 2, 3}
	_ = s[2:1]
	_ = s[1:3:2]
	_ = s[3:2:1]
}
