package main

import "fmt"

var calls int

func t(name string) bool {
	calls++
	fmt.Print(name, "+ ")
	return true
}

func f(name string) bool {
	calls++
	fmt.Print(name, "- ")
	return false
}

func main() {
	fmt.Println(t("a") && t("b"))
	fmt.Println(f("a") && t("b"))
	fmt.Println(t("a") || t("b"))
	fmt.Println(f("a") || t("b"))
	fmt.Println(f("a") || f("b") || t("c") || t("d"))
	fmt.Println(t("a") && (f("b") || t("c")) && t("d"))
	fmt.Println(!t("a") && t("b"))
	fmt.Println(!(f("a") && t("b")) || t("c"))
	fmt.Println("calls:", calls)
	var p *int
	if p != nil && *p > 0 {
		fmt.Println("unreachable")
	} else {
		fmt.Println("nil guarded")
	}
	s := []int{1, 2, 3}
	i := 5
	if i < len(s) && s[i] == 0 {
		fmt.Println("unreachable")
	}
	fmt.Println(i >= len(s) || s[i] == 0)
	x := 7
	ok := x > 3 && x < 10 || x == 100
	fmt.Println(ok, x > 3 && (x < 5 || x == 100))
}
