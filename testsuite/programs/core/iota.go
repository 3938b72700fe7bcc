package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

func (d Weekday) Name() string {
	switch d {
	case Sunday:
		return "Sun"
	case Monday:
		return "Mon"
	case Tuesday:
		return "Tue"
	case Wednesday:
		return "Wed"
	case Thursday:
		return "Thu"
	case Friday:
		return "Fri"
	}
	return "Sat"
}

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const (
	x0 = iota * iota
	x1
	_
	x3
	x4 = "str"
	x5
	x6 = iota + 100
	x7
)

const (
	FlagA uint8 = 1 << iota
	FlagB
	FlagC
	FlagD
)

func main() {
	for d := Sunday; d <= Saturday; d++ {
		fmt.Print(int(d), "=", d.Name(), " ")
	}
	fmt.Println()
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(a, b, c, d, e, f)
	fmt.Println(x0, x1, x3, x4, x5, x6, x7)
	fmt.Println(FlagA, FlagB, FlagC, FlagD, FlagA|FlagC|FlagD)
	flags := FlagB | FlagD
	fmt.Println(flags&FlagB != 0, flags&FlagC != 0, flags&^FlagB)
	fmt.Printf("%T %T\n", Monday, FlagC)
}
