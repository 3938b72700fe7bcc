package main

import (
	"errors"
	"fmt"
)

type loud struct{ n int }

func (l *loud) Error() string {
	fmt.Println("Error called on", l.n)
	return fmt.Sprintf("loud %d", l.n)
}

func describe(f func() string) string { return "<" + f() + ">" }

func main() {
	err := errors.New("first")
	f := err.Error
	err = errors.New("second")
	fmt.Println(f(), err.Error())

	var e error = &loud{n: 1}
	g := e.Error
	fmt.Println("bound")
	fmt.Println(describe(g))
	fmt.Println(describe(fmt.Errorf("wrapped %d", 7).Error))

	fs := []func() string{err.Error, e.Error}
	for _, h := range fs {
		fmt.Println(h())
	}

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var nilErr error
	fmt.Println("before")
	h := nilErr.Error
	fmt.Println("not reached", h == nil)
}
