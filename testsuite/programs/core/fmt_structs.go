package main

import "fmt"

type Inner struct {
	N int
	S string
}

type Outer struct {
	ID    int
	In    Inner
	Ptr   *Inner
	List  []int
	Flag  bool
	Names []string
	Err   error
	Any   any
	F     func()
}

type Empty struct{}

type Named struct {
	Label string
	Vals  []Inner
}

type Tiny struct {
	B byte
	U uint64
	I int32
}

func main() {
	in := Inner{3, "three"}
	fmt.Println(in)
	fmt.Printf("%v %+v\n", in, in)
	fmt.Println(&in)
	fmt.Printf("%v %+v\n", &in, &in)
	o := Outer{ID: 1, In: in, List: []int{1, 2}, Names: []string{"a"}}
	fmt.Println(o.ID, o.In, o.List, o.Flag, o.Names, o.Err, o.Any, o.F == nil)
	o2 := Outer{ID: 2, In: Inner{}, Any: 5}
	fmt.Printf("%v %v %v %v\n", o2.In, o2.Ptr, o2.List, o2.Any)
	var e Empty
	fmt.Println(e, &e)
	fmt.Printf("%v %+v %T\n", e, e, e)
	t := Tiny{255, 1 << 63, -1}
	fmt.Println(t)
	fmt.Printf("%+v %T %T\n", t, t, &t)
	ps := []Inner{{1, "a"}, {2, "b"}}
	fmt.Println(ps)
	fmt.Printf("%+v\n", ps)
	pp := []*Inner{}
	fmt.Println(pp, len(pp))
	nm := Named{"n", ps}
	fmt.Println(nm)
	fmt.Printf("%+v\n", nm)
	fmt.Println(&nm)
	s := fmt.Sprint(in, " ", &in)
	fmt.Println(s)
	fmt.Println(fmt.Sprintf("%v|%+v", Inner{}, Inner{}))
	var anyS any = in
	fmt.Println(anyS)
	fmt.Printf("%T %v\n", anyS, anyS)
	anyS = &Inner{9, "nine"}
	fmt.Printf("%T %v\n", anyS, anyS)
}
