// Allocation-heavy: the binary-trees benchmark shape (many short-lived trees, one
// long-lived tree that survives every collection).

package main

import "fmt"

type tree struct {
	left, right *tree
}

func build(d int) *tree {
	if d == 0 {
		return &tree{}
	}
	return &tree{build(d - 1), build(d - 1)}
}

func (t *tree) check() int {
	if t.left == nil {
		return 1
	}
	return 1 + t.left.check() + t.right.check()
}

func main() {
	const maxDepth = 12
	long := build(maxDepth)
	for d := 4; d <= maxDepth; d += 2 {
		iters := 1 << (maxDepth - d + 4)
		sum := 0
		for i := 0; i < iters; i++ {
			sum += build(d).check()
		}
		fmt.Println(iters, "trees of depth", d, "check:", sum)
	}
	fmt.Println("long lived tree of depth", maxDepth, "check:", long.check())
}
