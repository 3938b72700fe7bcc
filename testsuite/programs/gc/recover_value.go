package main

import "fmt"

// A panic value lives only in the panic state (and then only in the recovered
// variable) while deferred calls allocate enough to collect; a repanic keeps it.

type failure struct {
	where string
	trail []string
}

func churn(seed int) int {
	s := 0
	for i := 0; i < 3000; i++ {
		f := &failure{where: fmt.Sprint("x", seed, i), trail: make([]string, 120)}
		s += len(f.where)
	}
	return s
}

func deep(n int) {
	if n == 0 {
		panic(&failure{where: fmt.Sprint("depth ", 0), trail: []string{"start"}})
	}
	defer func() {
		churn(n)
	}()
	deep(n - 1)
}

func catch() (f *failure) {
	defer func() {
		r := recover()
		churn(10)
		f = r.(*failure)
		f.trail = append(f.trail, "caught")
	}()
	deep(3)
	return nil
}

func main() {
	f := catch()
	churn(11)
	fmt.Println(f.where, f.trail)
	defer func() {
		r := recover()
		churn(12)
		fmt.Println("main recovered", r.(*failure).where)
	}()
	panic(&failure{where: fmt.Sprint("main")})
}
