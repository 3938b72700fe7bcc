package main

import (
	"errors"
	"fmt"
)

type Stringer interface{ String() string }

type Coded interface {
	error
	Code() int
}

type myErr struct{ code int }

func (e myErr) Error() string { return fmt.Sprintf("err %d", e.code) }
func (e myErr) Code() int      { return e.code }

type temp int

func (t temp) String() string { return fmt.Sprintf("%d°", int(t)) }

type box struct {
	s Stringer
	n int
}

func fail(code int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if c, ok := r.(Coded); ok {
				err = c
				return
			}
			panic(r)
		}
	}()
	panic(myErr{code})
}

func main() {
	s := Stringer(temp(21))
	fmt.Println(s, s.String())
	b := box{temp(3), 4}
	fmt.Printf("%v %+v\n", b, b)
	fmt.Println(b == box{temp(3), 4}, b == box{temp(4), 4})
	f := Stringer.String
	fmt.Println(f(temp(5)))
	err := fail(42)
	var c Coded
	fmt.Println(err, c == nil)
	if ce, ok := err.(Coded); ok {
		fmt.Println(ce.Code(), ce.Error(), ce)
	}
	var e error = errors.New("plain")
	_, ok := e.(Coded)
	fmt.Println(ok)
	defer func() { fmt.Println(recover()) }()
	_ = e.(Coded)
}
