package main

import (
	"errors"
	"fmt"
	"runtime"
)

type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

func classify(f func()) {
	defer func() {
		r := recover()
		if re, ok := r.(runtime.Error); ok {
			re.RuntimeError()
			fmt.Printf("runtime error %T: %v\n", re, re.Error())
			return
		}
		if err, ok := r.(error); ok {
			fmt.Printf("error %T: %v\n", err, err)
			return
		}
		fmt.Printf("other %T: %v\n", r, r)
	}()
	f()
}

func main() {
	var s []int
	var p *myErr
	var m any = "str"
	zero := 0
	classify(func() { _ = s[3] })
	classify(func() { _ = 1 / zero })
	classify(func() { _ = p.msg })
	classify(func() { _ = m.(int) })
	classify(func() { panic(errors.New("plain")) })
	classify(func() { panic(&myErr{"mine"}) })
	classify(func() { panic(fmt.Errorf("wrapped: %w", errors.New("inner"))) })
	classify(func() { panic("just a string") })
	classify(func() { panic(nil) })
	classify(func() { _ = s[1:zero] })
	var re runtime.Error
	defer func() {
		r := recover()
		fmt.Println("nil runtime.Error:", r)
		_, isRE := r.(runtime.Error)
		fmt.Println(isRE)
	}()
	fmt.Println(re == nil)
	re.RuntimeError()
}
