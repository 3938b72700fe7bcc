// A short tour of what deferlab compiles: closures, methods, slices, fmt, and the
// defer/panic/recover machinery the project is about.
package main

import (
	"errors"
	"fmt"
)

type account struct {
	name    string
	balance int
	log     []string
}

func (a *account) withdraw(n int) (err error) {
	a.log = append(a.log, fmt.Sprintf("withdraw %d", n))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("withdraw %d: %v", n, r)
		}
	}()
	if n > a.balance {
		panic("insufficient funds")
	}
	a.balance -= n
	return nil
}

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New(fmt.Sprint(r))
		}
	}()
	return a / b, nil
}

func main() {
	acct := &account{name: "alice", balance: 100}
	for _, n := range []int{30, 50, 40} {
		if err := acct.withdraw(n); err != nil {
			fmt.Println("error:", err)
		}
	}
	fmt.Printf("%s has %d left after %d operations\n", acct.name, acct.balance, len(acct.log))

	next := counter()
	next()
	next()
	fmt.Println("counter:", next())

	for i := 3; i > 0; i-- {
		defer fmt.Println("deferred", i)
	}
	q, err := divide(7, 0)
	fmt.Println(q, err)
	q, err = divide(7, 2)
	fmt.Println(q, err)
}
