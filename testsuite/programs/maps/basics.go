package main

import "fmt"

type Point struct {
	X, Y int
}

type Celsius int

func (c Celsius) String() string { return fmt.Sprintf("%d°C", int(c)) }

func main() {
	ages := map[string]int{"alice": 31, "bob": 27}
	ages["carol"] = 40
	ages["alice"] += 1
	ages["bob"]++
	ages["dave"] -= 3
	fmt.Println(ages, len(ages))
	v, ok := ages["zed"]
	fmt.Println(v, ok)
	v, ok = ages["carol"]
	fmt.Println(v, ok)
	delete(ages, "dave")
	delete(ages, "nobody")
	fmt.Printf("%v %d %T\n", ages, ages, ages)
	fmt.Printf("%#v\n", ages)

	var nilMap map[int]string
	fmt.Println(nilMap == nil, len(nilMap), nilMap[7] == "", nilMap)
	fmt.Printf("%#v %v\n", nilMap, nilMap)
	delete(nilMap, 7)

	byBool := map[bool][]string{true: {"yes"}, false: {"no", "nope"}}
	fmt.Println(byBool)
	grid := make(map[Point]string, 10)
	grid[Point{2, 1}] = "b"
	grid[Point{1, 2}] = "a"
	grid[Point{1, 1}] = "c"
	fmt.Println(grid, grid[Point{1, 2}])
	fmt.Printf("%+v\n", grid)

	nested := map[string]map[string]int{}
	for _, w := range []string{"x.a", "x.b", "y.a", "x.a"} {
		outer, inner := w[:1], w[2:]
		if nested[outer] == nil {
			nested[outer] = map[string]int{}
		}
		nested[outer][inner]++
	}
	fmt.Println(nested, len(nested["x"]))

	temps := map[Celsius]Celsius{3: 30, 1: 10, 2: 20}
	fmt.Println(temps)
	fmt.Printf("%d\n", temps)

	ints := map[int]int{}
	for i := -5; i < 5; i++ {
		ints[i*i*i] = i
	}
	fmt.Println(ints)

	type counter struct{ n int }
	cs := map[string]*counter{}
	for _, w := range []string{"a", "b", "a"} {
		if cs[w] == nil {
			cs[w] = &counter{}
		}
		cs[w].n++
	}
	fmt.Println(cs["a"].n, cs["b"].n)

	vals := map[string]Point{"p": {1, 2}}
	p := vals["p"]
	p.X = 9
	vals["q"] = p
	fmt.Println(vals)

	sum := 0
	for k, v := range ints {
		sum += k * v
	}
	fmt.Println(sum)
	keys := 0
	for range ints {
		keys++
	}
	for k := range ints {
		keys += k
	}
	fmt.Println(keys)

	clear(ints)
	fmt.Println(len(ints), ints)
	ints[1] = 1
	fmt.Println(ints)
	var anyMap any = ages
	if am, ok := anyMap.(map[string]int); ok {
		fmt.Println("asserted", len(am))
	}
	fmt.Printf("%v %T\n", anyMap, anyMap)
}
