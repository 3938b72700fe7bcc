package main

import (
	"errors"
	"fmt"
	"runtime"
)

type Closer interface {
	Close() error
}

type Flusher interface {
	Flush() error
}

type FlushCloser interface {
	Flusher
	Closer
}

type conn struct {
	id     int
	closed bool
	log    *[]string
}

func (c *conn) Close() error {
	if c.closed {
		return errors.New(fmt.Sprintf("conn %d: already closed", c.id))
	}
	c.closed = true
	*c.log = append(*c.log, fmt.Sprintf("close %d", c.id))
	return nil
}

func (c *conn) Flush() error {
	*c.log = append(*c.log, fmt.Sprintf("flush %d", c.id))
	return nil
}

type bad struct{ xs []int }

func (b bad) Close() error { return nil }

// Method values of interfaces are bound when evaluated: swapping the variable later
// does not change what the deferred call runs.
func bound(log *[]string) {
	var c Closer = &conn{id: 1, log: log}
	closeFn := c.Close
	defer closeFn()
	defer c.Close()
	c = &conn{id: 2, log: log}
	defer func() { c.Close() }()
}

// Deferred calls through interfaces collected in a slice, run last first.
func many(log *[]string) (err error) {
	var cs []FlushCloser
	for i := 3; i < 6; i++ {
		cs = append(cs, &conn{id: i, log: log})
	}
	for _, c := range cs {
		defer c.Close()
		defer c.Flush()
	}
	defer func() {
		// A second Close reports an error, recorded by the deferred closure.
		if e := cs[0].Close(); e != nil {
			err = e
		}
	}()
	return nil
}

func compare() {
	defer func() {
		r := recover()
		re, ok := r.(runtime.Error)
		fmt.Println("compare:", r, ok, re != nil)
	}()
	var a, b Closer = bad{}, bad{}
	fmt.Println(a == b)
}

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case FlushCloser:
		return fmt.Sprintf("FlushCloser %T", x)
	case Closer:
		return fmt.Sprintf("Closer %T", x)
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	var log []string
	bound(&log)
	fmt.Println(log)
	log = nil
	fmt.Println(many(&log))
	fmt.Println(log)
	compare()
	fmt.Println(classify(nil), "|", classify(&conn{}), "|", classify(bad{}), "|", classify(errors.New("e")), "|", classify(3))
	var fc FlushCloser = &conn{id: 9, log: &log}
	var c Closer = fc
	fmt.Println(c == fc, c.(Flusher) == fc)
	if _, ok := c.(interface{ Missing() }); !ok {
		fmt.Println("no Missing")
	}
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var f Flusher = fc
	_ = f.(Closer).Close()
	var none Closer
	defer none.Close()
}
