package main

import "os"

func main() {
	_ = os.Args
}
