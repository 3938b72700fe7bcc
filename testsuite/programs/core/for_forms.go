package main

import "fmt"

func main() {
	for i := 0; i < 5; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 1
	for n < 1000 {
		n *= 3
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k*k > 200 {
			break
		}
	}
	fmt.Println(k)
	for i := range 5 {
		fmt.Print(i*i, " ")
	}
	fmt.Println()
	for range 3 {
		fmt.Print("x")
	}
	fmt.Println()
	var u8 uint8 = 4
	for i := range u8 {
		fmt.Printf("%T:%d ", i, i)
	}
	fmt.Println()
	var i64 int64 = 3
	for i := range i64 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i := range 0 {
		fmt.Println("never", i)
	}
	for i := range -5 {
		fmt.Println("never", i)
	}
	s := []string{"a", "b", "c"}
	for i, v := range s {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i := range s {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for _, v := range s {
		fmt.Print(v)
	}
	fmt.Println()
	for range s {
		fmt.Print(".")
	}
	fmt.Println()
	// range evaluates the slice once
	xs := []int{1, 2, 3}
	for _, v := range xs {
		xs = append(xs, v*10)
	}
	fmt.Println(xs)
	// but element writes are visible
	ys := []int{1, 2, 3, 4}
	for i, v := range ys {
		if i+1 < len(ys) {
			ys[i+1] += v
		}
	}
	fmt.Println(ys)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ":", j, " ")
	}
	fmt.Println()
	sum := 0
	for i := 0; i < 100; i++ {
		if i%3 == 0 {
			continue
		}
		if i > 50 {
			break
		}
		sum += i
	}
	fmt.Println(sum)
	var x int
	for x = 10; x > 0; x -= 3 {
	}
	fmt.Println(x)
	m := 5
	for range m {
		m--
	}
	fmt.Println(m)
	var nilS []int
	for i := range nilS {
		fmt.Println("never", i)
	}
	cnt := 0
	for ; cnt < 3; {
		cnt++
	}
	fmt.Println(cnt)
}
