package main

import (
	"errors"
	"fmt"
)

func check(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	if n > 100 {
		return fmt.Errorf("too big: %d > %d", n, 100)
	}
	if n == 13 {
		return fmt.Errorf("unlucky %v (%s)", n, "thirteen")
	}
	return nil
}

func wrap(n int) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("wrap(%d): %v", n, err)
		}
	}()
	return check(n)
}

func main() {
	for _, n := range []int{5, -1, 200, 13, 100} {
		err := check(n)
		if err != nil {
			fmt.Println("error:", err, "|", err.Error(), "|", len(err.Error()))
		} else {
			fmt.Println("ok", n, err == nil, err)
		}
	}
	for _, n := range []int{1, -5, 101} {
		fmt.Println(wrap(n))
	}
	e1 := errors.New("same")
	e2 := errors.New("same")
	fmt.Println(e1 == e2, e1 == e1, e1.Error() == e2.Error())
	var e error
	fmt.Println(e == nil, e)
	fmt.Printf("%v %s %q %T\n", e1, e1, e1, e1)
	fmt.Printf("%T\n", fmt.Errorf("x %d", 1))
	msg := fmt.Sprint(e1, " and ", e2)
	fmt.Println(msg)
	errs := []error{e1, nil, fmt.Errorf("third")}
	fmt.Println(errs)
	cnt := 0
	for _, x := range errs {
		if x != nil {
			cnt++
		}
	}
	fmt.Println(cnt)
	var a any = e1
	if er, ok := a.(error); ok {
		fmt.Println("any holds error:", er.Error())
	}
}
