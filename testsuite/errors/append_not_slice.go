package main

func main() {
	_ = append("a", 1)
}
