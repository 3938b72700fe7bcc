package main

import (
	"errors"
	"fmt"
)

type Mutex struct {
	locked bool
	name   string
}

func (m *Mutex) Lock() {
	if m.locked {
		panic("already locked: " + m.name)
	}
	m.locked = true
	fmt.Println("lock", m.name)
}

func (m *Mutex) Unlock() {
	m.locked = false
	fmt.Println("unlock", m.name)
}

type Base struct {
	id int
}

func (b Base) ID() int         { return b.id }
func (b Base) String() string  { return fmt.Sprintf("Base#%d", b.id) }
func (b *Base) SetID(id int)   { b.id = id }
func (b Base) Describe() string { return "base" }

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(s string) { l.lines = append(l.lines, l.prefix+s) }

type Account struct {
	Mutex
	Base
	*Logger
	balance int
}

func (a *Account) Describe() string { return "account" }

func (a *Account) Withdraw(n int) (err error) {
	a.Lock()
	defer a.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("withdraw %d: %v", n, r)
			a.Log(err.Error())
		}
	}()
	if n > a.balance {
		panic(errors.New("insufficient funds"))
	}
	a.balance -= n
	a.Log(fmt.Sprintf("withdrew %d", n))
	return nil
}

type pairWithBase struct {
	Base
	n int
}

type IDer interface {
	ID() int
	SetID(int)
}

type Describer interface{ Describe() string }

func main() {
	a := &Account{Mutex: Mutex{name: "acct"}, Base: Base{id: 7}, Logger: &Logger{prefix: "> "}, balance: 10}
	fmt.Println(a.Withdraw(3), a.balance)
	fmt.Println(a.Withdraw(30), a.balance)
	fmt.Println(a.lines)
	fmt.Println(a.id, a.ID(), a.Base.ID(), a.name)
	a.SetID(9)
	fmt.Println(a.ID())
	var i IDer = a
	i.SetID(11)
	fmt.Println(i.ID(), a.Base)
	var d Describer = a
	fmt.Println(d.Describe(), a.Base.Describe())
	fmt.Printf("%v|%+v\n", a.Base, a.Mutex)
	var b Base = Base{3}
	fmt.Println(b)
	s := pairWithBase{Base{4}, 5}
	fmt.Printf("%v %+v %v\n", s.Base, s.n, s)
	id := a.ID
	defer fmt.Println("deferred method value:", id())
	defer a.Base.SetID(100)
	defer a.Log("deferred promoted call")
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var nl Account
		nl.Log("nil logger")
	}()
}
