package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 5; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fs = nil
	for i := range 4 {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fs = nil
	for i, v := range []int{10, 20, 30} {
		fs = append(fs, func() int { return i + v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	// the loop variable modified inside the body carries to the next iteration's copy
	fs = nil
	for i := 0; i < 10; i++ {
		fs = append(fs, func() int { return i })
		i += 2
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	// closure modifying its iteration's variable
	var incs []func() int
	for i := 0; i < 3; i++ {
		incs = append(incs, func() int { i += 100; return i })
	}
	fmt.Println(incs[0](), incs[0](), incs[1](), incs[2]())
	// variable declared outside is shared
	var shared []func() int
	j := 0
	for j = 0; j < 3; j++ {
		shared = append(shared, func() int { return j })
	}
	for _, f := range shared {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var u8s []func() uint8
	for k := range uint8(3) {
		u8s = append(u8s, func() uint8 { return k })
	}
	for _, f := range u8s {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
