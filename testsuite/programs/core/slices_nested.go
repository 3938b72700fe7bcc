package main

import "fmt"

func matrix(r, c int) [][]int {
	m := make([][]int, r)
	for i := range m {
		m[i] = make([]int, c)
	}
	return m
}

func mul(a, b [][]int) [][]int {
	out := matrix(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			for k := range b {
				out[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return out
}

func main() {
	a := [][]int{{1, 2}, {3, 4}}
	fmt.Println(a)
	id := [][]int{{1, 0}, {0, 1}}
	fmt.Println(mul(a, id))
	p := a
	for i := 0; i < 5; i++ {
		p = mul(p, a)
		fmt.Println(i+2, p)
	}
	tri := make([][]int, 0)
	for n := 0; n < 8; n++ {
		row := make([]int, n+1)
		row[0], row[n] = 1, 1
		for k := 1; k < n; k++ {
			row[k] = tri[n-1][k-1] + tri[n-1][k]
		}
		tri = append(tri, row)
	}
	for _, r := range tri {
		fmt.Println(r)
	}
	jag := [][]string{{"a"}, nil, {}, {"b", "c"}}
	fmt.Println(jag, len(jag[1]), jag[1] == nil, jag[2] == nil)
	fmt.Printf("%v %d\n", jag, a)
	var three [][][]int
	three = append(three, [][]int{{1}, {2, 3}})
	three = append(three, nil)
	fmt.Println(three)
	grid := matrix(3, 4)
	grid[1][2] = 7
	row := grid[1]
	row[0] = 5
	fmt.Println(grid)
}
