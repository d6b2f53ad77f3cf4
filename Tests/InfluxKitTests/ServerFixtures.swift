/// Response bodies captured from a real influxd 1.6.7 with curl (`GET /query?db=fx&…`), byte for
/// byte. The database held these points (precision s):
///
///     cpu,host=a,region=eu usage=1.5,count=3i,ok=true,msg="hi \"there\"" 1600000000
///     cpu,host=b,region=us usage=2,count=9223372036854775807i,ok=false,msg="tab<TAB>new" 1600000010
///     cpu,host=a,region=eu usage=-0.25,count=-9223372036854775808i,ok=true,msg="snow ☃ 😀" 1600000020
///     mem,host=a free=1e300 1600000000
///     mem,host=b free=4.9e-324 1600000005
///     odd,tag\ key=a<b&c text="<tag> & \"q\" \\ back\\slash <U+0001><U+001F> <U+2028> end",v=1 1600000000
enum ServerFixtures {
    /// `q=SELECT * FROM cpu`
    static let selectAll = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[["2020-09-13T12:26:40Z",3,"a","hi \"there\"",true,"eu",1.5],["2020-09-13T12:26:50Z",9223372036854775807,"b","tab\tnew",false,"us",2],["2020-09-13T12:27:00Z",-9223372036854775808,"a","snow ☃ 😀",true,"eu",-0.25]]}]}]}

"""#

    /// `q=SELECT * FROM cpu GROUP BY host`
    static let groupByHost = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","count","msg","ok","region","usage"],"values":[["2020-09-13T12:26:40Z",3,"hi \"there\"",true,"eu",1.5],["2020-09-13T12:27:00Z",-9223372036854775808,"snow ☃ 😀",true,"eu",-0.25]]},{"name":"cpu","tags":{"host":"b"},"columns":["time","count","msg","ok","region","usage"],"values":[["2020-09-13T12:26:50Z",9223372036854775807,"tab\tnew",false,"us",2]]}]}]}

"""#

    /// `q=SELECT mean(usage) FROM cpu GROUP BY host,region`
    static let meanGroupByHostRegion = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a","region":"eu"},"columns":["time","mean"],"values":[["1970-01-01T00:00:00Z",0.625]]},{"name":"cpu","tags":{"host":"b","region":"us"},"columns":["time","mean"],"values":[["1970-01-01T00:00:00Z",2]]}]}]}

"""#

    /// `q=SHOW RETENTION POLICIES`
    static let showRetentionPolicies = #"""
{"results":[{"statement_id":0,"series":[{"columns":["name","duration","shardGroupDuration","replicaN","default"],"values":[["autogen","0s","168h0m0s",1,true]]}]}]}

"""#

    /// `q=SHOW MEASUREMENTS`
    static let showMeasurements = #"""
{"results":[{"statement_id":0,"series":[{"name":"measurements","columns":["name"],"values":[["cpu"],["mem"],["odd"]]}]}]}

"""#

    /// `q=SELECT * FROM cpu; SELECT * FROM nosuch; SELECT free FROM mem`
    static let multiStatement = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[["2020-09-13T12:26:40Z",3,"a","hi \"there\"",true,"eu",1.5],["2020-09-13T12:26:50Z",9223372036854775807,"b","tab\tnew",false,"us",2],["2020-09-13T12:27:00Z",-9223372036854775808,"a","snow ☃ 😀",true,"eu",-0.25]]}]},{"statement_id":1},{"statement_id":2,"series":[{"name":"mem","columns":["time","free"],"values":[["2020-09-13T12:26:40Z",1e+300],["2020-09-13T12:26:45Z",5e-324]]}]}]}

"""#

    /// `q=SELECT * FROM cpu, mem`
    static let multiMeasurement = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","free","host","msg","ok","region","usage"],"values":[["2020-09-13T12:26:40Z",3,null,"a","hi \"there\"",true,"eu",1.5],["2020-09-13T12:26:50Z",9223372036854775807,null,"b","tab\tnew",false,"us",2],["2020-09-13T12:27:00Z",-9223372036854775808,null,"a","snow ☃ 😀",true,"eu",-0.25]]},{"name":"mem","columns":["time","count","free","host","msg","ok","region","usage"],"values":[["2020-09-13T12:26:40Z",null,1e+300,"a",null,null,null,null],["2020-09-13T12:26:45Z",null,5e-324,"b",null,null,null,null]]}]}]}

"""#

    /// `q=SELECT * FROM cpu; SELECT * FROM nodb..cpu; SHOW DATABASES`
    static let statementError = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[["2020-09-13T12:26:40Z",3,"a","hi \"there\"",true,"eu",1.5],["2020-09-13T12:26:50Z",9223372036854775807,"b","tab\tnew",false,"us",2],["2020-09-13T12:27:00Z",-9223372036854775808,"a","snow ☃ 😀",true,"eu",-0.25]]}]},{"statement_id":1,"error":"not executed"}]}

"""#

    /// `chunked=true&chunk_size=1&q=SELECT * FROM cpu; SELECT * FROM nodb..cpu; SHOW DATABASES`
    static let statementErrorChunked = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[["2020-09-13T12:26:40Z",3,"a","hi \"there\"",true,"eu",1.5]],"partial":true}],"partial":true}]}
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[["2020-09-13T12:26:50Z",9223372036854775807,"b","tab\tnew",false,"us",2]],"partial":true}],"partial":true}]}
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[["2020-09-13T12:27:00Z",-9223372036854775808,"a","snow ☃ 😀",true,"eu",-0.25]]}]}]}
{"results":[{"statement_id":1,"error":"database not found: nodb"}]}
{"results":[{"statement_id":1,"error":"not executed"}]}

"""#

    /// `chunked=true&chunk_size=1&q=SELECT usage FROM cpu GROUP BY host`
    static let chunkedGroupBy = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","usage"],"values":[["2020-09-13T12:26:40Z",1.5]],"partial":true}],"partial":true}]}
{"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","usage"],"values":[["2020-09-13T12:27:00Z",-0.25]]}],"partial":true}]}
{"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"b"},"columns":["time","usage"],"values":[["2020-09-13T12:26:50Z",2]]}]}]}

"""#

    /// `chunked=true&chunk_size=2&epoch=ns&q=SELECT * FROM cpu; SELECT free FROM mem`
    static let chunkedMultiStatement = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[[1600000000000000000,3,"a","hi \"there\"",true,"eu",1.5],[1600000010000000000,9223372036854775807,"b","tab\tnew",false,"us",2]],"partial":true}],"partial":true}]}
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[[1600000020000000000,-9223372036854775808,"a","snow ☃ 😀",true,"eu",-0.25]]}]}]}
{"results":[{"statement_id":1,"series":[{"name":"mem","columns":["time","free"],"values":[[1600000000000000000,1e+300],[1600000005000000000,5e-324]]}]}]}

"""#

    /// `q=SELECT * FROM odd`
    static let escapedStrings = #"""
{"results":[{"statement_id":0,"series":[{"name":"odd","columns":["time","tag key","text","v"],"values":[["2020-09-13T12:26:40Z","a\u003cb\u0026c","\u003ctag\u003e \u0026 \"q\" \\ back\\slash \u0001\u001f \u2028 end",1]]}]}]}

"""#

    /// `pretty=true&chunked=true&chunk_size=2&q=SELECT usage FROM cpu GROUP BY host`
    static let prettyChunked = #"""
{
    "results": [
        {
            "statement_id": 0,
            "series": [
                {
                    "name": "cpu",
                    "tags": {
                        "host": "a"
                    },
                    "columns": [
                        "time",
                        "usage"
                    ],
                    "values": [
                        [
                            "2020-09-13T12:26:40Z",
                            1.5
                        ],
                        [
                            "2020-09-13T12:27:00Z",
                            -0.25
                        ]
                    ]
                }
            ],
            "partial": true
        }
    ]
}
{
    "results": [
        {
            "statement_id": 0,
            "series": [
                {
                    "name": "cpu",
                    "tags": {
                        "host": "b"
                    },
                    "columns": [
                        "time",
                        "usage"
                    ],
                    "values": [
                        [
                            "2020-09-13T12:26:50Z",
                            2
                        ]
                    ]
                }
            ]
        }
    ]
}

"""#

    /// `q=SELECT * FROM cpu WHERE  (HTTP 400)`
    static let parseError = #"""
{"error":"error parsing query: found EOF, expected identifier, string, number, bool at line 1, char 25"}

"""#

    /// `q=CREATE DATABASE x  (sent with GET)`
    static let deprecationMessage = #"""
{"results":[{"statement_id":0,"messages":[{"level":"warning","text":"deprecated use of 'CREATE DATABASE x' in a read only context, please use a POST request instead"}]}]}

"""#

    /// `q=SELECT * FROM cpu WHERE time > now()`
    static let emptyResult = #"""
{"results":[{"statement_id":0}]}

"""#

    /// `q=SELECT usage FROM cpu GROUP BY host`
    static let usageGroupByHost = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a"},"columns":["time","usage"],"values":[["2020-09-13T12:26:40Z",1.5],["2020-09-13T12:27:00Z",-0.25]]},{"name":"cpu","tags":{"host":"b"},"columns":["time","usage"],"values":[["2020-09-13T12:26:50Z",2]]}]}]}

"""#

    /// `epoch=ns&q=SELECT * FROM cpu; SELECT free FROM mem`
    static let multiStatementEpochNs = #"""
{"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","count","host","msg","ok","region","usage"],"values":[[1600000000000000000,3,"a","hi \"there\"",true,"eu",1.5],[1600000010000000000,9223372036854775807,"b","tab\tnew",false,"us",2],[1600000020000000000,-9223372036854775808,"a","snow ☃ 😀",true,"eu",-0.25]]}]},{"statement_id":1,"series":[{"name":"mem","columns":["time","free"],"values":[[1600000000000000000,1e+300],[1600000005000000000,5e-324]]}]}]}

"""#
}
