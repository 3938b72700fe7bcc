// Error() and String() methods that allocate a lot and collect (runtime.GC()) while
// fmt or the panic report is calling them: the operands, the format string and the
// receivers whose methods fmt has yet to call are held by the runtime, and must
// survive. Receivers are built in the call itself, so nothing else keeps them.

package main

import (
	"errors"
	"fmt"
	"runtime"
)

type item struct {
	name  string
	parts []string
	next  *item
}

// churn allocates garbage and collects.
func churn(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		b := make([]*item, 8)
		b[i%8] = &item{name: fmt.Sprint("g", i)}
		s += len(b[i%8].name)
	}
	runtime.GC()
	return s
}

func (it item) String() string {
	churn(500)
	s := it.name + ":"
	for _, p := range it.parts {
		s += fmt.Sprint("[", p, "]")
	}
	if it.next != nil {
		s += "->" + it.next.name
	}
	churn(200)
	return s
}

type failure struct {
	code  int
	cause *item
}

func (f *failure) Error() string {
	churn(300)
	return fmt.Sprintf("failure %d at %v", f.code, *f.cause)
}

type bad struct{ n int }

func (b bad) String() string {
	churn(100)
	it := mk("in-panic", 1)
	panic(&failure{b.n, &it})
}

func mk(name string, n int) item {
	it := item{name: name}
	for i := 0; i < n; i++ {
		it.parts = append(it.parts, fmt.Sprint(name, i))
	}
	it.next = &item{name: fmt.Sprint(name, "-next")}
	return it
}

func main() {
	fmt.Println(mk("a", 2), mk("b", 3), mk("c", 1))
	format := fmt.Sprint("%v", " | %v", " | %s\n")
	fmt.Printf(format, mk("d", 2), &failure{4, &item{name: fmt.Sprint("deep")}}, mk("e", 0))
	s := fmt.Sprintf("%v and %v", mk("f", 1), bad{9})
	churn(100)
	fmt.Println(s)
	list := []item{mk("g", 1), mk("h", 2), mk("i", 0)}
	fmt.Println(list)
	err := fmt.Errorf("wrapped: %w", &failure{5, &item{name: fmt.Sprint("w")}})
	churn(1000)
	fmt.Println(err, errors.New(fmt.Sprint(err)))
	func() {
		defer func() {
			r := recover()
			churn(100)
			fmt.Println("recovered:", r)
		}()
		panic(&failure{6, &item{name: fmt.Sprint("recovered-cause")}})
	}()
	defer fmt.Println("deferred", mk("j", 2))
	panic(&failure{7, &item{name: fmt.Sprint("final"), parts: []string{"x"}}})
}
