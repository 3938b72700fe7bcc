package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
}

func (a *Account) Describe() string {
	return fmt.Sprint(a.Owner, ": ", a.Balance)
}

func (a *Account) IsNil() bool { return a == nil }

func main() {
	acc := &Account{"ann", 10}
	fmt.Println(acc.Describe())
	acc = nil
	fmt.Println("nil receiver is fine when unused:", acc.IsNil())
	fmt.Println(acc.Describe())
}
