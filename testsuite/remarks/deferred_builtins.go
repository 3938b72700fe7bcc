// Remarks for deferred builtins, methods and recovers.
package main

import "fmt"

type counter struct{ n int }

func (c *counter) inc() { c.n++ }

func safe(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f()
	return nil
}

func main() {
	c := &counter{}
	defer println("bye")
	defer c.inc()
	defer recover()
	for i := 0; i < 2; i++ {
		defer fmt.Println("loop", i)
	}
	fmt.Println(safe(func() { panic("boom") }))
}
