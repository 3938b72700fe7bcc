// defer.args: a deferred call's argument is evaluated at the defer statement; a later
// assignment to the variable is not seen. The clean shapes: a deferred closure, a
// value never assigned again, an assignment in another branch, a function literal's
// explicit parameter, a loop variable's post statement.
package main

import (
	"errors"
	"fmt"
)

func report(status string, n int) {
	defer fmt.Println("status:", status) // want `status is evaluated at the defer statement, but assigned again at line 14`
	status = "done"
	defer println("n", n) // want `n is evaluated at the defer statement, but assigned again at line 17`
	if n > 0 {
		n++
	}
}

func named() (err error) {
	defer fmt.Println("err:", err) // want `err is evaluated at the defer statement, but set by the return statement at line 23`
	return errors.New("failed")
}

func closure() {
	status := "starting"
	defer func() { fmt.Println("status:", status) }()
	status = "done"
}

func unchanged(status string) {
	defer fmt.Println("status:", status)
	fmt.Println("working")
}

func otherBranch(c bool, status string) {
	if c {
		defer fmt.Println("status:", status)
	} else {
		status = "other"
	}
}

func before(status string) {
	status = "set before"
	defer fmt.Println("status:", status)
}

func snapshot(n int) {
	for i := 0; i < n; i++ {
		defer func(id int) { fmt.Println("id", id) }(i) // want "defer in a loop"
	}
	for i := 0; i < n; i++ {
		defer fmt.Println("i", i) // want "defer in a loop"
	}
}

func main() {
	report("starting", 1)
	fmt.Println(named())
	closure()
	unchanged("ok")
	otherBranch(true, "x")
	before("x")
	snapshot(2)
}
