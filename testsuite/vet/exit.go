// defer.exit: os.Exit after a defer that ran: the deferred calls never run. The clean
// shapes: os.Exit before any defer, a defer in another branch, os.Exit in main after
// run() returned.
package main

import (
	"fmt"
	"os"
)

var failed bool

func cleanup(name string) { fmt.Println("cleanup", name) }

func fatal() {
	defer cleanup("fatal")
	if failed {
		fmt.Println("failed")
		os.Exit(1) // want `os.Exit does not run deferred calls: the call deferred at line 16 never runs`
	}
}

func twice() {
	defer cleanup("a")
	defer cleanup("b")
	os.Exit(2) // want `the calls deferred at lines 24, 25 never run`
}

func run() int {
	defer cleanup("run")
	if failed {
		return 1
	}
	return 0
}

func early(c bool) {
	if c {
		os.Exit(3)
	}
	defer cleanup("early")
}

func branch(c bool) {
	if c {
		defer cleanup("branch")
	} else {
		os.Exit(4)
	}
}

func main() {
	fatal()
	early(false)
	branch(true)
	if code := run(); code != 0 {
		os.Exit(code)
	}
	if failed {
		twice()
	}
}
