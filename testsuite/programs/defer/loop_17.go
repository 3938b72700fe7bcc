package main

import "fmt"

var order []int

func run(n int) (sum int) {
	defer func() {
		fmt.Println("run finished, sum =", sum)
	}()
	for i := 0; i < n; i++ {
		defer func(k int) {
			order = append(order, k)
			sum += k
		}(i)
	}
	fmt.Println("deferred", n, "calls")
	return 0
}

func main() {
	s := run(17)
	fmt.Println("result", s, "ran", len(order))
	if len(order) <= 20 {
		fmt.Println(order)
	} else {
		ok := true
		for i, k := range order {
			if k != len(order)-1-i {
				ok = false
			}
		}
		fmt.Println("first", order[0], "last", order[len(order)-1], "LIFO", ok)
	}
	order = nil
	s = run(17 / 2)
	fmt.Println("again", s, len(order))
}
