package main

import "fmt"

func quicksort(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	i, j := 0, len(a)-1
	for i <= j {
		for a[i] < p {
			i++
		}
		for a[j] > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quicksort(a[:j+1])
	quicksort(a[i:])
}

func insertion(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func mergeSort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	m := len(a) / 2
	l, r := mergeSort(a[:m]), mergeSort(a[m:])
	out := make([]int, 0, len(a))
	i, j := 0, 0
	for i < len(l) && j < len(r) {
		if l[i] <= r[j] {
			out = append(out, l[i])
			i++
		} else {
			out = append(out, r[j])
			j++
		}
	}
	out = append(out, l[i:]...)
	return append(out, r[j:]...)
}

func sorted(a []int) bool {
	for i := 1; i < len(a); i++ {
		if a[i-1] > a[i] {
			return false
		}
	}
	return true
}

func main() {
	a := []int{5, 3, 9, -1, 0, 12, 7, 3, 3, 8, -20, 100}
	quicksort(a)
	fmt.Println(a)
	var seed uint64 = 42
	rnd := func() int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % 100000)
	}
	big := make([]int, 50000)
	for i := range big {
		big[i] = rnd()
	}
	cp := make([]int, len(big))
	copy(cp, big)
	quicksort(big)
	fmt.Println(sorted(big), big[0], big[len(big)/2], big[len(big)-1])
	ms := mergeSort(cp)
	same := true
	for i := range ms {
		if ms[i] != big[i] {
			same = false
		}
	}
	fmt.Println(sorted(ms), same, sorted(cp))
	words := []string{"pear", "apple", "fig", "banana", "Cherry", "apple", "date"}
	insertion(words)
	fmt.Println(words)
	var empty []int
	quicksort(empty)
	fmt.Println(empty, mergeSort([]int{1}))
}
