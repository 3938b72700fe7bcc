// defer.nilrecv: a deferred call whose receiver or function value is nil at the defer
// statement. The clean shapes: a receiver assigned before the defer (or at all), a
// parameter, a closure that checks for nil when it runs.
package main

import "fmt"

type conn struct{ name string }

func (c *conn) Close()      { fmt.Println("close", c != nil) }
func (c conn) Name() string { return c.name }

func dial(ok bool) *conn {
	if ok {
		return &conn{name: "db"}
	}
	return nil
}

func nilPointer() {
	var c *conn
	defer c.Close() // want `c is nil at this defer: \(\*conn\).Close runs with a nil receiver when nilPointer returns`
	fmt.Println("working")
}

func nilValueReceiver() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var c *conn = nil
	defer c.Name() // want `c is nil at this defer: conn.Name has a value receiver, so the defer statement panics`
}

func nilInterface() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var err error
	defer err.Error() // want `err is a nil interface at this defer`
}

func nilFunc() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var cleanup func()
	defer cleanup() // want `cleanup is a nil func at this defer`
}

func assigned(ok bool) {
	var c *conn
	c = dial(ok)
	defer c.Close()
	var cleanup func()
	if ok {
		cleanup = func() { fmt.Println("cleanup") }
	}
	if cleanup != nil {
		defer cleanup()
	}
}

func param(c *conn) {
	defer c.Close()
}

func checked() {
	var c *conn
	defer func() {
		if c != nil {
			c.Close()
		}
	}()
}

func main() {
	nilPointer()
	nilValueReceiver()
	nilInterface()
	nilFunc()
	assigned(true)
	param(dial(true))
	checked()
}
