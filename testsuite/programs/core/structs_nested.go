package main

import "fmt"

type Address struct {
	Street string
	Zip    int
}

type Pair struct {
	A, B int
}

type Wrapper struct {
	Inner Pair
	C     int
}

type Person struct {
	Name    string
	Age     int
	Home    Address
	Work    *Address
	Tags    []string
	Friends []*Person
}

func (p *Person) Birthday() {
	p.Age++
}

func (p Person) Describe() string {
	s := fmt.Sprintf("%s (%d) lives at %s %d", p.Name, p.Age, p.Home.Street, p.Home.Zip)
	if p.Work != nil {
		s += fmt.Sprintf(", works at %s", p.Work.Street)
	}
	return s
}

func main() {
	alice := Person{Name: "Alice", Age: 30, Home: Address{"Main St", 12345}}
	alice.Tags = append(alice.Tags, "admin", "dev")
	fmt.Println(alice.Describe())
	alice.Work = &Address{Street: "Office Rd", Zip: 99999}
	fmt.Println(alice.Describe())
	alice.Birthday()
	fmt.Println(alice.Age)
	bob := alice
	bob.Name = "Bob"
	bob.Home.Street = "Side St"
	bob.Work.Zip = 11111
	bob.Tags[0] = "user"
	fmt.Println(alice.Home.Street, bob.Home.Street)
	fmt.Println(alice.Work.Zip, bob.Work.Zip)
	fmt.Println(alice.Tags, bob.Tags)
	alice.Work = nil
	fmt.Printf("%v\n", alice.Home)
	fmt.Printf("%+v\n", alice.Home)
	fmt.Printf("%v %+v\n", alice.Tags, alice.Work)
	carol := &Person{Name: "Carol", Age: 5}
	carol.Home.Zip = 7
	carol.Birthday()
	carol.Birthday()
	fmt.Println(carol.Describe())
	alice.Friends = append(alice.Friends, carol)
	alice.Friends[0].Age += 10
	fmt.Println(carol.Age, len(alice.Friends))
	var w Wrapper
	w.Inner.A = 1
	w.Inner.B = 2
	w.C = 3
	fmt.Println(w)
	fmt.Printf("%+v\n", w)
}
