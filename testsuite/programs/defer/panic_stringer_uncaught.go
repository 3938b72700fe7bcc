package main

import "fmt"

type Celsius int

func (c Celsius) String() string { return fmt.Sprintf("%d degrees", int(c)) }

type Code int

func (c Code) Error() string { return fmt.Sprint("code ", int(c)) }

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(Celsius(7))
	}()
	panic(Code(3))
}
