package main

import "fmt"

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func stats(xs []int) (count, total int, avg int) {
	for _, v := range xs {
		count++
		total += v
	}
	if count == 0 {
		return
	}
	avg = total / count
	return
}

func override() (r int) {
	r = 10
	return 20
}

func zero() (s string, n int, b bool, p *int, xs []int) {
	return
}

func early(n int) (res string) {
	res = "start"
	if n < 0 {
		res = "negative"
		return
	}
	if n == 0 {
		return "zero"
	}
	res += fmt.Sprint("-", n)
	return
}

func shadow() (v int) {
	v = 1
	{
		v := 2
		v++
	}
	return
}

func main() {
	fmt.Println(split(17))
	fmt.Println(split(100))
	fmt.Println(stats([]int{4, 8, 15, 16, 23, 42}))
	fmt.Println(stats(nil))
	fmt.Println(override())
	s, n, b, p, xs := zero()
	fmt.Printf("%q %d %t %v %v %t\n", s, n, b, p == nil, xs, xs == nil)
	fmt.Println(early(-1), early(0), early(5))
	fmt.Println(shadow())
}
