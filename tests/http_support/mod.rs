//! A tiny HTTP/1.1 server on 127.0.0.1 for the HTTP source's tests: std threads, one per connection,
//! optionally behind rustls. Each request is answered by a closure, which may also misbehave on purpose.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Req {
    pub method: String,
    /// The path with its query.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn path(&self) -> &str {
        self.target.split('?').next().unwrap_or_default()
    }
}

/// How to answer.
pub enum Reply {
    /// A status and a JSON body, with its Content-Length.
    Json(u16, String),
    /// These bytes as they are, then close.
    Raw(Vec<u8>),
    /// Say nothing for this long, then close.
    Stall(Duration),
    /// 200 with `total` bytes of body, announced with Content-Length or sent chunked.
    Big { total: u64, announce: bool },
}

impl Reply {
    pub fn ok<T: serde::Serialize>(value: &T) -> Reply {
        Reply::Json(200, serde_json::to_string(value).unwrap())
    }

    pub fn error(status: u16, code: &str) -> Reply {
        Reply::Json(status, format!(r#"{{"code":"{code}","message":"test"}}"#))
    }
}

type Handler = dyn Fn(&Req) -> Reply + Send + Sync;

/// A running server; stopped when dropped.
pub struct Server {
    pub addr: SocketAddr,
    tls: bool,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
    log: Arc<Mutex<Vec<Req>>>,
    /// The open connections, shut down when the server stops (so none lingers in a client's pool).
    conns: Arc<Mutex<Vec<TcpStream>>>,
}

impl Server {
    pub fn start(handler: impl Fn(&Req) -> Reply + Send + Sync + 'static) -> Server {
        Server::start_on("127.0.0.1:0".parse().unwrap(), None, handler)
    }

    /// Starts on `addr` (a port of an earlier server, to bring it "back"), with TLS if `tls` is given.
    pub fn start_on(
        addr: SocketAddr,
        tls: Option<Arc<rustls::ServerConfig>>,
        handler: impl Fn(&Req) -> Reply + Send + Sync + 'static,
    ) -> Server {
        let listener = TcpListener::bind(addr).unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let log = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let is_tls = tls.is_some();
        let conns = Arc::new(Mutex::new(Vec::new()));
        let accept = {
            let (stop, log, conns) = (Arc::clone(&stop), Arc::clone(&log), Arc::clone(&conns));
            std::thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            if let Ok(clone) = stream.try_clone() {
                                conns.lock().unwrap().push(clone);
                            }
                            let (handler, log, tls) =
                                (Arc::clone(&handler), Arc::clone(&log), tls.clone());
                            std::thread::spawn(move || serve(stream, tls, &*handler, &log));
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
        };
        Server {
            addr,
            tls: is_tls,
            stop,
            accept: Some(accept),
            log,
            conns,
        }
    }

    pub fn url(&self) -> String {
        if self.tls {
            format!("https://localhost:{}", self.addr.port())
        } else {
            format!("http://{}", self.addr)
        }
    }

    pub fn requests(&self) -> Vec<Req> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.accept.take() {
            t.join().unwrap();
        }
        for conn in self.conns.lock().unwrap().drain(..) {
            let _ = conn.shutdown(std::net::Shutdown::Both);
        }
        // Let clients see the connections close before the test goes on.
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A port nobody listens on (bound once and released).
pub fn closed_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

trait Conn: Read + Write {}
impl<T: Read + Write> Conn for T {}

fn serve(
    stream: TcpStream,
    tls: Option<Arc<rustls::ServerConfig>>,
    handler: &Handler,
    log: &Mutex<Vec<Req>>,
) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // The server keeps a clone of every stream; close the connection for real when done with it.
    let closer = stream.try_clone().unwrap();
    talk(stream, tls, handler, log);
    let _ = closer.shutdown(std::net::Shutdown::Both);
}

fn talk(
    stream: TcpStream,
    tls: Option<Arc<rustls::ServerConfig>>,
    handler: &Handler,
    log: &Mutex<Vec<Req>>,
) {
    let mut conn: Box<dyn Conn> = match tls {
        Some(config) => {
            let Ok(server) = rustls::ServerConnection::new(config) else {
                return;
            };
            Box::new(rustls::StreamOwned::new(server, stream))
        }
        None => Box::new(stream),
    };
    // Keep-alive: answer requests until the client closes or a reply closes.
    loop {
        let Some(req) = read_request(&mut conn) else {
            return;
        };
        log.lock().unwrap().push(req.clone());
        if !reply(&mut conn, handler(&req)) {
            return;
        }
    }
}

fn read_request(conn: &mut Box<dyn Conn>) -> Option<Req> {
    let mut reader = BufReader::new(conn);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let target = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.push((k.trim().to_owned(), v.trim().to_owned()));
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).ok()?;
    // The BufReader may not hold bytes of a next request: clients wait for the answer first.
    Some(Req {
        method,
        target,
        headers,
        body,
    })
}

/// Writes the reply; `false` when the connection is to be closed.
fn reply(conn: &mut Box<dyn Conn>, reply: Reply) -> bool {
    match reply {
        Reply::Json(status, body) => {
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                body.len()
            );
            conn.write_all(head.as_bytes()).is_ok()
                && conn.write_all(body.as_bytes()).is_ok()
                && conn.flush().is_ok()
        }
        Reply::Raw(bytes) => {
            let _ = conn.write_all(&bytes);
            let _ = conn.flush();
            false
        }
        Reply::Stall(d) => {
            std::thread::sleep(d);
            false
        }
        Reply::Big { total, announce } => {
            let head = if announce {
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {total}\r\n\r\n"
                )
            } else {
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n".to_owned()
            };
            if conn.write_all(head.as_bytes()).is_err() {
                return false;
            }
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0u64;
            while sent < total {
                let n = (total - sent).min(chunk.len() as u64) as usize;
                let ok = if announce {
                    conn.write_all(&chunk[..n]).is_ok()
                } else {
                    conn.write_all(format!("{n:x}\r\n").as_bytes()).is_ok()
                        && conn.write_all(&chunk[..n]).is_ok()
                        && conn.write_all(b"\r\n").is_ok()
                };
                if !ok {
                    return false;
                }
                sent += n as u64;
            }
            if !announce {
                let _ = conn.write_all(b"0\r\n\r\n");
            }
            let _ = conn.flush();
            false
        }
    }
}
