import InfluxKit
import InfluxShell
import Testing

struct VerticalRendererTests {
    @Test func oneBlockPerRowNumberedOverTheWholeOutput() {
        let expected = """
            *************************** 1. row ***************************
             name: cpu
             tags: dc=eu,host=a
             time: 1
            usage: 0.5
             note: ok
            *************************** 2. row ***************************
             name: cpu
             tags: dc=eu,host=a
             time: 20
            usage: 12
             note: 
            *************************** 3. row ***************************
             name: cpu
             tags: host=bb
             time: 3
            usage: -1.25
             note: héllo
            *************************** 4. row ***************************
            name: db1
            *************************** 5. row ***************************
            name: metrics

            """
        #expect(rendered(VerticalRenderer(), [Sample.cpu, Sample.databases]) == expected)
    }
}
