package main

import "fmt"

var log []string

func process(i int) (out int) {
	defer func() {
		out *= 2
		log = append(log, fmt.Sprint("done ", i))
	}()
	if i%3 == 0 {
		return i
	}
	return i + 1
}

func main() {
	total := 0
	for i := 0; i < 10; i++ {
		f := func() {
			defer func() { total += i }()
			total *= 2
		}
		f()
	}
	fmt.Println("total", total)
	results := []int{}
	for i := range 7 {
		results = append(results, process(i))
	}
	fmt.Println(results)
	fmt.Println(log)
	count := 0
	work := func(n int) (r int) {
		defer func() {
			if rec := recover(); rec != nil {
				r = -1
				count++
			}
		}()
		if n%4 == 0 {
			panic(fmt.Sprint("bad ", n))
		}
		return n * n
	}
	var out []int
	for i := 0; i < 12; i++ {
		out = append(out, work(i))
	}
	fmt.Println(out, count)
}
