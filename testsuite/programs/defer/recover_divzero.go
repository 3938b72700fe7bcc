package main

import "fmt"

func div(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
			q = -1
		}
	}()
	return a / b, nil
}

func mod(a, b int32) (r int32, msg string) {
	defer func() {
		if e := recover(); e != nil {
			msg = fmt.Sprint(e)
		}
	}()
	r = a % b
	return r, "ok"
}

func main() {
	fmt.Println(div(9, 3))
	q, err := div(9, 0)
	fmt.Println(q, err)
	fmt.Println(err.Error())
	fmt.Println(err != nil)
	fmt.Println(mod(10, 3))
	fmt.Println(mod(10, 0))
	var zero uint8
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
			fmt.Printf("%v\n", r)
			if e, ok := r.(error); ok {
				fmt.Println("as error:", e.Error())
			}
		}()
		var x uint8 = 5
		fmt.Println(x / zero)
	}()
	fmt.Println("done")
}
