package main

import "fmt"

func safe(f func()) (recovered any) {
	defer func() {
		recovered = recover()
	}()
	f()
	return nil
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = a / b
	return q, nil
}

func main() {
	fmt.Println(safe(func() { panic("boom") }))
	fmt.Println(safe(func() {}))
	fmt.Println(safe(func() { panic(42) }))
	fmt.Println(safe(func() { panic(fmt.Sprintf("formatted %d", 7)) }))
	fmt.Println(divide(10, 2))
	fmt.Println(divide(1, 0))
	r := safe(func() {
		defer fmt.Println("inner defer runs during panic")
		panic("with inner defer")
	})
	fmt.Println("got", r)
	fmt.Println("main continues normally")
}
