package main

import "fmt"

func main() {
	for _, v := range []float64{1, 0, 2.5, 1e21, 123456, 1e-7, -3} {
		fmt.Printf("%#g|%#.3g|%#e|%#.0e|%#f|%#.0f|%#v|%#x|%#8.2g|%#G\n", v, v, v, v, v, v, v, v, v, v)
	}
	fmt.Printf("%#v %#v %#g\n", float32(0.1), []float64{1, 2.5}, float32(1))
}
