package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func format() (string, int, string) { return "%d apples and %s\n", 3, "pears" }

func errFormat() (string, error) { return "wrapped: %v", errors.New("inner") }

func named() (string, bool) { return "%t|%v", true }

func pair() ([]int, int) { return []int{1, 2}, 3 }

func pairAny() ([]any, int) { return []any{"x"}, 4 }

func bufs() ([]byte, string) { return make([]byte, 3), "hello" }

func ints() (int, int) { return 9, 4 }

func strs() (string, string, string) { return "pear", "apple", "fig" }

func mixed() (bool, string, int, error) { return true, "s", -5, nil }

func main() {
	println(divmod(7, 3))
	print(divmod(17, 5))
	println()
	println(mixed())
	fmt.Printf(format())
	s := fmt.Sprintf(format())
	fmt.Print(s)
	err := fmt.Errorf(errFormat())
	fmt.Println(err)
	fmt.Println(fmt.Sprintf(named()))
	fmt.Println(append(pair()))
	fmt.Println(append(pairAny()))
	fmt.Println(string(append(bufs()...)))
	b, src := bufs()
	fmt.Println(copy(b, src), string(b))
	n := copy(bufs())
	fmt.Println(n)
	fmt.Println(min(ints()), max(ints()), min(strs()), max(strs()))
	defer println(divmod(7, 3))
	defer fmt.Printf(format())
	defer print(strs())
	defer copy(bufs())
	func() {
		defer fmt.Println(fmt.Sprintf(named()))
	}()
}
