package main

import (
	"errors"
	"fmt"
)

type stack struct {
	items [4]int
	n     int
}

func (s *stack) push(v int) {
	s.items[s.n] = v
	s.n++
}

func show(tag string, a [3]int) {
	fmt.Println(tag, a)
}

// A deferred call's array argument is copied at the defer statement.
func args() {
	a := [3]int{1, 2, 3}
	defer show("arg", a)
	defer fmt.Println("println arg", a, len(a))
	// A deferred closure captures the array itself.
	defer func() {
		fmt.Println("closure", a)
	}()
	p := &a
	defer show("deref", *p)
	a[0] = 10
	p[1] = 20
	a = [3]int{a[0], a[1], 30}
	fmt.Println("body", a)
}

// Deferred closures record into an array, one per iteration.
func loop() (log [5]string) {
	for i := range log {
		defer func() {
			log[i] = fmt.Sprint("d", i)
		}()
	}
	log[0] = "body"
	return log
}

// Results are arrays: a deferred closure changes a named array result.
func named() (r [2]int, err error) {
	defer func() {
		if e := recover(); e != nil {
			r[1] = -1
			err = fmt.Errorf("recovered: %v", e)
		}
	}()
	r[0] = 5
	var idx = []int{0, 1, 2}
	for _, i := range idx {
		r[i] = i * 100
	}
	return r, nil
}

// The array in flight: a panic carrying an array, recovered and compared.
func inFlight() {
	defer func() {
		r := recover()
		fmt.Printf("%v %T %v\n", r, r, r == [2]string{"a", "b"})
		if a, ok := r.([2]string); ok {
			fmt.Println("asserted", a[1], len(a))
		}
	}()
	panic([2]string{"a", "b"})
}

func overflow() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	var s stack
	for i := 0; i < 6; i++ {
		defer func(before [4]int) {
			fmt.Println("defer", i, before)
		}(s.items)
		s.push(i)
	}
	return nil
}

func nilPointer() (err error) {
	defer func() {
		err = fmt.Errorf("%v", recover())
	}()
	var p *[3]int
	fmt.Println(len(p), cap(p))
	for i := range p {
		fmt.Println("index only", i)
	}
	return errors.New(fmt.Sprint(p[1]))
}

func sliceBounds(hi int) (err error) {
	defer func() {
		err = fmt.Errorf("%v", recover())
	}()
	var a [4]int
	s := a[1:hi]
	return fmt.Errorf("ok %d %d", len(s), cap(s))
}

func main() {
	args()
	fmt.Println(loop())
	fmt.Println(named())
	inFlight()
	fmt.Println("overflow:", overflow())
	fmt.Println("nil:", nilPointer())
	fmt.Println("slice:", sliceBounds(3), sliceBounds(5))
	var grid [2][2]int
	defer fmt.Println("grid at defer", grid)
	defer func() {
		fmt.Println("grid at exit", grid)
	}()
	grid[1][0] = 7
	i := 2
	grid[i][0] = 1
}
