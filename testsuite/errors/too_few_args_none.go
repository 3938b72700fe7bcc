package main

func f(a int, b string) int { return 0 }

func main() {
	_ = f()
}
