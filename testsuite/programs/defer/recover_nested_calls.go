package main

import "fmt"

func level3() {
	panic("deep panic")
}

func level2() {
	defer fmt.Println("level2 defer")
	level3()
	fmt.Println("level2 unreachable")
}

func level1() (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprint("level1 recovered: ", r)
		}
	}()
	defer fmt.Println("level1 defer before recover")
	level2()
	return "normal"
}

// A deferred function that calls another function which itself defers a
// recovering closure: that inner recover runs in a frame not directly
// deferred by the panicking function.
func innerDeferRecover() {
	defer func() {
		func() {
			defer func() {
				fmt.Println("inner deferred recover:", recover())
			}()
		}()
		fmt.Println("outer deferred recover:", recover())
	}()
	panic("nested")
}

func main() {
	fmt.Println(level1())
	innerDeferRecover()
	fmt.Println("after innerDeferRecover")
	defer func() {
		fmt.Println("main recovered:", recover())
	}()
	level2()
}
