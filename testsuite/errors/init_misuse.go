package main

func init(x int) {}

func init() int { return 1 }

func init() {}

func main() {
	init()
	f := init
	_ = f
}
