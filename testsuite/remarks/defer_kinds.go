// Remarks for each kind of defer: straight-line defers get a record in the frame,
// defers in loops take theirs from the runtime.
package main

import "fmt"

var sink int

func work(x int) { sink += x }

func straight() {
	defer work(1)
	defer work(2)
}

func inLoop(n int) {
	for i := range n {
		defer work(i)
	}
}

func conditional(b bool) {
	if b {
		defer work(3)
	}
	defer func() { sink++ }()
}

func nested(n int) {
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j {
				defer work(i * j)
			}
		}
	}
}

func main() {
	straight()
	inLoop(3)
	conditional(true)
	nested(2)
	fmt.Println(sink)
}
